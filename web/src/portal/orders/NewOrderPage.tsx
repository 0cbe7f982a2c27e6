/**
 * An officer submits an order: the regime of the agency's country it falls under (the fields that
 * regime requires are marked, with the reason), its particulars, items (for a data order: the
 * legal process, accounts and data asked for) and scope, the statement of
 * reasons in the order's language, and the signed order as a file. The submission carries one
 * Idempotency-Key per form, so that a double click or a retry makes one order; the file is sent
 * once the order exists. The answer is the receipt, shown in place of the form.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { FormProvider, useWatch } from 'react-hook-form';
import { Link, useOutletContext } from 'react-router-dom';
import { isDataRequestKind } from '../../../../src/contracts/authority-orders.js';
import type { RegimeSummary } from '../../api.js';
import { placeProblem, useSchemaForm } from '../../components/form.js';
import { useDocumentTitle } from '../../components/Layout.js';
import { ApiError } from '../../problem.js';
import { queries } from '../../queries.js';
import { orderChanged, ordersApi } from '../orders-queries.js';
import { AttachmentField } from './AttachmentField.js';
import { Problem } from './common.js';
import { DataFields } from './DataFields.js';
import { emptyDraft, orderSchema, regimesOf, requiredFields, requirementsOf } from './draft.js';
import { ItemsEditor } from './ItemsEditor.js';
import { usePortalT } from './i18n.js';
import { LawFields, ReasonsFields } from './OrderFields.js';
import { Receipt } from './Receipt.js';
import type { OfficerSession, OrderReceipt } from './types.js';
import './orders.css';

const noRegimes: RegimeSummary[] = [];

export function NewOrderPage() {
  const { t } = usePortalT();
  useDocumentTitle(t('new.title'));
  // The signed-in officer's session, from the portal's frame (PortalLayout), which shows nothing without one.
  const session = useOutletContext<OfficerSession>();
  const regimes = useQuery(queries.regimes()).data ?? noRegimes;
  const { country } = session.agency;
  return <NewOrderForm country={country} regimes={regimesOf(country, regimes)} />;
}

function NewOrderForm({ country, regimes }: { country: string; regimes: readonly RegimeSummary[] }) {
  const { t, language } = usePortalT();
  const client = useQueryClient();
  const prefix = `${useId()}-`;
  // One key per attempt: the same order sent twice (a double click, a retry after a lost answer) is one
  // order. A refusal (4xx) is final for that body, so the corrected order is a new attempt with a new key;
  // the same key with another body would be refused as reused.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const refused = (e: unknown) => {
    if (e instanceof ApiError && e.status >= 400 && e.status < 500) setIdempotencyKey(crypto.randomUUID());
    return placeProblem(e, form.setError) && null;
  };
  const sending = useRef(false);
  const [file, setFile] = useState<File | null>(null);
  const [receipt, setReceipt] = useState<OrderReceipt | null>(null);
  const [attached, setAttached] = useState<string[]>([]);
  const form = useSchemaForm(orderSchema, emptyDraft(language, country));
  const [regimeId, kind] = useWatch({ control: form.control, name: ['regime', 'kind'] });
  const pack = useQuery({ ...queries.regime(regimeId), enabled: regimeId !== '' }).data ?? null;
  const required = requiredFields(requirementsOf(regimeId && pack?.id === regimeId ? pack : null, kind, new Date()));

  const submit = useMutation({
    mutationFn: (order: Parameters<typeof ordersApi.submit>[0]) => ordersApi.submit(order, idempotencyKey),
  });
  const attach = useMutation({ mutationFn: ({ id, file }: { id: string; file: File }) => ordersApi.attach(id, file) });

  async function sendFile(id: string, chosen: File | null) {
    if (!chosen) return;
    const saved = await attach.mutateAsync({ id, file: chosen }).catch(() => null);
    if (saved) {
      setAttached((list) => [...list, saved.fileName]);
      setFile(null);
    }
  }

  const onSubmit = form.handleSubmit(async (order) => {
    // A second click while the first is sent does nothing: the order would be one anyway (the key), its file two.
    if (sending.current) return;
    sending.current = true;
    try {
      // A receipt already in hand (the file failed): only the file is sent again.
      const done = receipt ?? (await submit.mutateAsync(order).catch(refused));
      if (!done) return;
      await sendFile(done.id, file);
      setReceipt(done);
      void orderChanged(client, done.id);
    } finally {
      sending.current = false;
    }
  });

  if (receipt && !attach.error)
    return (
      <section className="page portal-order-page">
        <Receipt receipt={receipt} attached={attached} />
      </section>
    );

  return (
    <section className="page portal-order-page">
      <div className="page-heading">
        <p className="breadcrumb">
          <Link to="/portal/orders">← {t('list.title')}</Link>
        </p>
        <h1>{t('new.title')}</h1>
        <p className="lede">{t('new.lede')}</p>
      </div>
      {receipt ? <Receipt receipt={receipt} attached={attached} /> : null}
      <FormProvider {...form}>
        <form className="form portal-form" data-testid="order-form" onSubmit={onSubmit} noValidate>
          {submit.error ? <Problem error={submit.error} /> : null}
          <section className="card portal-section" aria-labelledby={`${prefix}law`}>
            <h2 id={`${prefix}law`}>{t('new.law')}</h2>
            <LawFields regimes={regimes} required={required} idPrefix={prefix} />
          </section>
          {/* A data order names accounts in its data part; a removal order names items. */}
          {isDataRequestKind(kind) ? (
            <section className="card portal-section" aria-labelledby={`${prefix}data`} data-testid="portal-data-part">
              <h2 id={`${prefix}data`}>{t('new.dataPart')}</h2>
              <DataFields idPrefix={prefix} />
            </section>
          ) : (
            <section className="card portal-section" aria-labelledby={`${prefix}items`}>
              <h2 id={`${prefix}items`}>{t('new.items')}</h2>
              <ItemsEditor idPrefix={prefix} />
            </section>
          )}
          <section className="card portal-section" aria-labelledby={`${prefix}reasons`}>
            <h2 id={`${prefix}reasons`}>{t('new.reasons')}</h2>
            <ReasonsFields required={required} idPrefix={prefix} country={country} />
          </section>
          <section className="card portal-section" aria-labelledby={`${prefix}file`}>
            <h2 id={`${prefix}file`}>{t('new.file')}</h2>
            <AttachmentField
              required={required.has('attachment') ? (required.get('attachment') ?? null) : undefined}
              file={file}
              onChange={setFile}
              error={attach.error as ApiError | null}
              idPrefix={prefix}
            />
          </section>
          <div className="actions portal-submit">
            <button
              type="submit"
              className="button button-primary"
              data-testid="order-submit"
              disabled={submit.isPending || attach.isPending}
            >
              {receipt ? t('new.sendFile') : submit.isPending ? t('new.submitting') : t('new.submit')}
            </button>
          </div>
        </form>
      </FormProvider>
    </section>
  );
}
