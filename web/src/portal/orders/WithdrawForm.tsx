/** Withdrawing the order: a reason, then a confirmation, since a withdrawn order cannot be taken back. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { withdrawalSchema } from '../../../../src/contracts/order-thread.js';
import { Field } from '../../components/Field.js';
import { placeProblem, useSchemaForm } from '../../components/form.js';
import { orderChanged, ordersApi } from '../orders-queries.js';
import { Problem } from './common.js';
import { usePortalT } from './i18n.js';

export function WithdrawForm({ orderId, reference }: { orderId: string; reference: string }) {
  const { t } = usePortalT();
  const client = useQueryClient();
  const prefix = `${useId()}-`;
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const form = useSchemaForm(withdrawalSchema, { reason: '' });
  const withdraw = useMutation({ mutationFn: (reason: string) => ordersApi.withdraw(orderId, reason) });
  const ask = form.handleSubmit(() => setConfirming(true));
  async function confirm() {
    const done = await withdraw.mutateAsync(form.getValues('reason')).catch((e: unknown) => void placeProblem(e, form.setError));
    setConfirming(false);
    if (done !== undefined) await orderChanged(client, orderId);
  }

  if (!open)
    return (
      <button type="button" className="button button-danger" data-testid="withdraw-open" onClick={() => setOpen(true)}>
        {t('withdraw.open')}
      </button>
    );
  return (
    <FormProvider {...form}>
      <form className="form card withdraw" onSubmit={ask} noValidate data-testid="withdraw-form">
        <h2>{t('withdraw.title')}</h2>
        {withdraw.error ? <Problem error={withdraw.error} /> : null}
        <Field name="reason" label={t('withdraw.reason')} idPrefix={prefix} hint={t('withdraw.hint')}>
          {(c) => <textarea {...c} {...form.register('reason')} data-testid="withdraw-reason" rows={3} readOnly={confirming} />}
        </Field>
        {confirming ? (
          <div className="alert alert-warning" role="alertdialog" aria-labelledby={`${prefix}confirm`}>
            <p id={`${prefix}confirm`}>{t('withdraw.confirmText', { reference })}</p>
            <div className="actions">
              <button
                type="button"
                className="button button-danger"
                data-testid="withdraw-confirm"
                onClick={() => void confirm()}
                disabled={withdraw.isPending}
              >
                {t('withdraw.confirm')}
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                {t('withdraw.back')}
              </button>
            </div>
          </div>
        ) : (
          <div className="actions">
            <button type="submit" className="button button-danger" data-testid="withdraw-submit">
              {t('withdraw.submit')}
            </button>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {t('withdraw.cancel')}
            </button>
          </div>
        )}
      </form>
    </FormProvider>
  );
}
