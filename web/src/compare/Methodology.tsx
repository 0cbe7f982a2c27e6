/**
 * /methodology: how the comparison pages count (docs/methodology.md, written out for readers).
 * The later sections — outcomes, comparisons, surges, vintages, limitations — are in MethodologyMore.
 */
import { useEffect } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useDocumentTitle } from '../components/Layout.js';
import { MethodologyMore } from './MethodologyMore.js';
import './methodology.css';

const contents: [id: string, title: string][] = [
  ['sources', 'Sources'],
  ['periods', 'Periods'],
  ['reading', 'Reading a published value'],
  ['definitions', 'Definitions: requests, items, accounts'],
  ['precise', 'Which file a figure comes from'],
  ['outcomes', 'Item outcomes'],
  ['comparisons', 'Comparisons'],
  ['surges', 'Surges'],
  ['vintages', 'Vintages'],
  ['limitations', 'Limitations'],
];

function Sources() {
  return (
    <section id="sources" aria-labelledby="sources-h">
      <h2 id="sources-h">Sources</h2>
      <div className="table-wrap">
        <table className="table method-table">
          <caption className="visually-hidden">The sources Writ reads</caption>
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">What it is</th>
              <th scope="col">Counts</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">
                <code>google-removals</code>
              </th>
              <td>
                Google’s “Government requests to remove content” archive: two current CSV files and a <code>historical/</code>{' '}
                folder frozen in 2019.
              </td>
              <td>Content-removal requests and the items they name, from 2009-H2.</td>
            </tr>
            <tr>
              <th scope="row">
                <code>google-removals-json</code>
              </th>
              <td>
                A third-party repackaging of the same data (krMaynard/transparency-report-api),{' '}
                <strong>not an official Google file</strong>, kept because its item outcomes are whole counts.
              </td>
              <td>The same, from 2011-H1.</td>
            </tr>
            <tr>
              <th scope="row">
                <code>meta-data-requests</code>
              </th>
              <td>Meta’s “Government requests for user data”, one CSV file per half-year, in three header layouts.</td>
              <td>User-data requests and the accounts they name, from 2013-H1.</td>
            </tr>
            <tr>
              <th scope="row">This platform</th>
              <td>Orders recorded in Writ.</td>
              <td>
                Content removals; user-data requests (user data and emergency disclosures, as Meta counts them). Preservation
                requests are left out, as Meta counts them apart.
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Periods() {
  return (
    <section id="periods" aria-labelledby="periods-h">
      <h2 id="periods-h">Periods</h2>
      <p>
        Half-years, written <code>2021-H1</code> (January–June) and <code>2021-H2</code> (July–December). Google’s “Period Ending”
        is <code>2021-06-30</code> or <code>2021-12-31</code>; the JSON writes “January - June 2021”; Meta’s files have no period
        column, so the period comes from the file name. This platform’s requests count in the half-year (UTC) in which they were
        received, as in its own <Link to="/reports">transparency reports</Link>.
      </p>
    </section>
  );
}

function Reading() {
  return (
    <section id="reading" aria-labelledby="reading-h">
      <h2 id="reading-h">Reading a published value</h2>
      <ul>
        <li>
          <code>1,886</code> and <code>"15,554"</code>: thousands separators are read; so are a byte-order mark and CRLF line
          ends.
        </li>
        <li>
          <strong>Blank</strong>: nothing. In Google’s item-outcome columns, exactly zero items.
        </li>
        <li>
          <strong>
            <code>0</code>
          </strong>{' '}
          in those columns: more than zero items but under 0.5%.
        </li>
        <li>
          <strong>
            <code>&lt;10</code>
          </strong>{' '}
          (Google’s earliest periods): fewer than ten, the exact number not published — no figure, never 9 or 0.
        </li>
        <li>
          <strong>
            <code>?</code>
          </strong>
          , <code>N/A</code>: not known — no figure.
        </li>
        <li>
          <strong>
            <code>11,000 - 12,000</code>
          </strong>{' '}
          (Meta, United States 2013-H1): a range — no figure; the text is kept.
        </li>
        <li>
          Anything else refuses the file, naming file, line and column; so does a missing column. Columns are found by name, with
          their known spellings (<code>Requestor</code>/<code>Requester</code>; <code>Total Requests</code>/
          <code>Total Data Requests</code>).
        </li>
      </ul>
      <p>
        A row that names no country today (Google’s Europol and Interpol; Meta’s “Somaliland”, which has no ISO code, and the
        “Netherlands Antilles”, dissolved in 2010) is reported and not stored. Every country is stored under its currently
        assigned ISO 3166-1 code, from a maintained country list: Meta writes names only, matched through the list’s names plus
        Meta’s own spellings the list does not know (“Swaziland”, “Macedonia”, “The Bahamas”, …), so France is FR, the United
        Kingdom GB and Russia RU, never the withdrawn FX, UK or SU. Kosovo is XK, the code the EU and Google use; Google’s
        requests from the European Union’s bodies are kept under EU.
      </p>
    </section>
  );
}

function Definitions() {
  return (
    <section id="definitions" aria-labelledby="definitions-h">
      <h2 id="definitions-h">Definitions: requests, items, accounts</h2>
      <dl className="method-terms">
        <dt>Requests</dt>
        <dd>Legal demands (Google: “Number of Requests” or “Total”; Meta: “Total Requests”).</dd>
        <dt>Items (Google)</dt>
        <dd>
          The URLs, videos, accounts and so on named in the requests. One request can name thousands of items, so requests and
          items tell different stories.
        </dd>
        <dt>Accounts requested (Meta)</dt>
        <dd>“Total Requests Accounts”: the users or accounts named in the requests.</dd>
        <dt>Some data produced (Meta)</dt>
        <dd>
          Requests where some data was produced ÷ requests, from the counts where the file gives them (2019 on), otherwise Meta’s
          whole percentage ÷ 100.
        </dd>
        <dt>Legal process and emergency requests (Meta)</dt>
        <dd>The two kinds that make up the total; not split before 2016.</dd>
        <dt>Requests by product, reason and requester</dt>
        <dd>
          As published, in the publisher’s own words (the JSON writes “National security” where Google writes “National
          Security”). Before 2019 Google split requests only into “Court Orders” and “Executive, Police, etc.”; before 2010-H2 it
          gave no reason (shown as “(no reason published)”).
        </dd>
        <dt>Requests to date</dt>
        <dd>
          The sum of requests from the country’s first period in the source through this one; periods without a figure are left
          out and named in a data-quality note.
        </dd>
        <dt>Absent means zero</dt>
        <dd>
          Google (and Meta before 2019) list only countries that sent requests. A period the source covers in which a country is
          not listed counts as 0 requests — from the country’s first listed period on. A period no file covers stays unknown.
        </dd>
      </dl>
    </section>
  );
}

function MostPrecise() {
  return (
    <section id="precise" aria-labelledby="precise-h">
      <h2 id="precise-h">Which file a figure comes from: the most precise</h2>
      <p>
        Google’s archive gives the number of requests up to four times. The files disagree, in known ways; every disagreement is
        reported as a data-quality note naming both files, and the figure is taken from the most precise file:
      </p>
      <div className="table-wrap">
        <table className="table method-table">
          <caption className="visually-hidden">The order in which files are used</caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col">Taken from, in this order</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Requests</th>
              <td>
                <ol>
                  <li>the product/reason file</li>
                  <li>the historical product/reason file (court orders + executive)</li>
                  <li>the historical summary</li>
                  <li>the requester file</li>
                </ol>
              </td>
              <td>
                The product/reason file puts each request in exactly one product × reason cell. The requester file of the 2023 and
                2024 vintages counts a request once for every reason it cites (Kazakhstan 2021-H1: 105 requests from the
                communications authority against 79); the 2025 vintage corrects this.
              </td>
            </tr>
            <tr>
              <th scope="row">Items</th>
              <td>
                <ol>
                  <li>the requester file</li>
                  <li>the historical summary</li>
                  <li>the historical product/reason file, only when none of its rows is blank</li>
                </ol>
              </td>
              <td>Items are published by requester from 2019-H1; a blank row makes the product/reason sum a lower bound.</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p>The historical files were frozen in 2019; where they overlap the current files (2011–2019) the current files win.</p>
    </section>
  );
}

export function MethodologyPage() {
  useDocumentTitle('Methodology');
  const { hash } = useLocation();
  // A link such as /methodology#surges lands on its section (the router does not scroll to it).
  useEffect(() => {
    if (hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [hash]);
  return (
    <article className="page methodology-page">
      <div className="page-heading">
        <p className="breadcrumb">
          <Link to="/compare">← Compare countries and platforms</Link>
        </p>
        <h1>Methodology: published datasets, comparisons and surges</h1>
        <p className="lede">
          Writ reads other platforms’ transparency data as it is published and sets it beside this platform’s own figures. This
          page defines every figure the comparison pages show, and how surges are flagged.
        </p>
      </div>
      <nav aria-label="On this page" className="card method-contents">
        <h2 className="method-contents-title">On this page</h2>
        <ol>
          {contents.map(([id, title]) => (
            <li key={id}>
              <a href={`#${id}`}>{title}</a>
            </li>
          ))}
        </ol>
      </nav>
      <div className="method-body">
        <Sources />
        <Periods />
        <Reading />
        <Definitions />
        <MostPrecise />
        <MethodologyMore />
      </div>
    </article>
  );
}
