/** The methodology page's later sections: item outcomes, comparisons, surges, vintages and limitations. */
import { Link } from 'react-router-dom';

function Outcomes() {
  return (
    <section id="outcomes" aria-labelledby="outcomes-h">
      <h2 id="outcomes-h">Item outcomes: shares of items, exact or estimated</h2>
      <p>
        Google publishes six outcomes — removed for legal reasons, removed for policy, content not found, not enough information,
        no action taken, content already removed — as whole <strong>percentages of items</strong> per requester, not of requests.
        For each row, the counts each percentage allows are those whose share rounds to it (±0.5%; a <code>0</code> means one item
        up to 0.5%), narrowed by the counts having to add up to the row’s items.
      </p>
      <ul>
        <li>
          If every outcome is left with exactly one count, the counts are <strong>exact</strong>. This is always so for rows of up
          to 100 items.
        </li>
        <li>
          Otherwise the row’s items are shared out in proportion to the percentages — an <strong>estimate</strong>, marked
          “estimated” on the comparison pages (<code>itemOutcomesExact: false</code> in the API). A <code>0</code> outcome gets
          none. The pages show whole items (≈ 308), the value computed in the cell’s title; the API gives that value.
        </li>
      </ul>
      <p className="method-example">
        <strong>Worked example, Kazakhstan 2021-H1.</strong> The police’s 4 items at 100% removed for legal reasons and the
        data-protection authority’s 1 item at 100% no action are exact. The communications authority’s 30,833 items at blank / 1 /
        0 / 0 / 99 / 0% are estimated as 308.33 removed for policy and 30,524.67 no action. The JSON repackaging’s whole counts
        for those items are 165 and 30,618 (and 11, 1 and 38 in the <code>0</code> outcomes), inside the ranges the percentages
        allow (155–459 and 30,371–30,675).
      </p>
      <p>
        Before 2019-H1 Google published no item outcomes, only the share of requests “fully or partially complied with”, which the
        data-quality note quotes.
      </p>
    </section>
  );
}

function Comparisons() {
  return (
    <section id="comparisons" aria-labelledby="comparisons-h">
      <h2 id="comparisons-h">Comparisons</h2>
      <dl className="method-terms">
        <dt>Timeline of a country</dt>
        <dd>
          Each source’s requests per half-year, and this platform’s own, on one axis; each point marked as listed or not listed
          (counted as 0) and as a surge or not. Google counts content-removal requests, Meta user-data requests: the sources are
          set side by side, not added up.
        </dd>
        <dt>Ranking of a half-year</dt>
        <dd>
          Countries by requests, most first. Equal requests share a rank; countries whose number is not published come last
          without a rank. Only countries listed in the half-year appear.
        </dd>
        <dt>Reason shares</dt>
        <dd>
          Each reason’s requests ÷ the requests counted by reason in that country and half-year (for the product/reason file, all
          requests). “Government Criticism” and “National Security” are picked out in every ranking row and reason breakdown
          (matched without regard to case). Meta publishes no reasons.
        </dd>
      </dl>
    </section>
  );
}

function Surges() {
  return (
    <section id="surges" aria-labelledby="surges-h">
      <h2 id="surges-h">Surges: a rolling median and MAD</h2>
      <p>A surge is a half-year in which a country’s requests stand far above its own recent history.</p>
      <ol className="method-steps">
        <li>
          <strong>Baseline</strong>: the 6 half-years just before (<code>WRIT_SURGE_WINDOW</code>), keeping those with a known
          number of requests — absent periods count 0, <code>&lt;10</code> and <code>?</code> are left out. At least 4 are needed
          (<code>WRIT_SURGE_MIN_HISTORY</code>); otherwise the half-year is not assessed.
        </li>
        <li>
          <strong>Median</strong> <var>m</var> of the baseline, and <strong>MAD</strong>, the median of the absolute differences
          from <var>m</var>.
        </li>
        <li>
          <strong>Spread</strong> = max(1.4826 × MAD, 1). For normally distributed data 1.4826 × MAD estimates the standard
          deviation; the floor of one request keeps a flat history (0, 0, 0, 0) from turning any request into a surge.
        </li>
        <li>
          <strong>Score</strong> = (requests − <var>m</var>) ÷ spread.
        </li>
        <li>
          <strong>Surge</strong> when the score is above 3.5 (<code>WRIT_SURGE_THRESHOLD</code>) and there are at least 10
          requests (<code>WRIT_SURGE_MIN_REQUESTS</code>).
        </li>
      </ol>
      <p>
        The numbers above are the defaults; the operator of this site can change them. Median and MAD are used instead of mean and
        standard deviation because a few extreme half-years — the surges themselves — would otherwise inflate the baseline and
        hide the next surge. A threshold of 3.5 on this score is the common “modified z-score” rule for outliers (Iglewicz and
        Hoaglin).
      </p>
      <p className="method-example">
        <strong>Worked example, Kazakhstan 2015-H2 in Google’s data.</strong> The six half-years before had 2, 3, 1, 0 (not
        listed), 1 and 3 requests. Median 1.5; differences 0.5, 1.5, 0.5, 1.5, 0.5, 1.5, so MAD 1; spread 1.4826; score (19 − 1.5)
        ÷ 1.4826 = 11.8 &gt; 3.5, and 19 ≥ 10: a surge. Across the whole archive Kazakhstan is flagged in 2015-H2, 2016-H1,
        2016-H2, 2017-H2 and 2023-H1 (<Link to="/compare/KZ">see its timeline</Link>).
      </p>
      <p>
        Surges compare a country only with itself: countries differ by orders of magnitude (Russia sent 18,880 requests to Google
        in 2021-H1, Kazakhstan 84).
      </p>
    </section>
  );
}

function Vintages() {
  return (
    <section id="vintages" aria-labelledby="vintages-h">
      <h2 id="vintages-h">Vintages</h2>
      <p>
        Google and Meta republish their whole history each time, sometimes revised. An import’s <strong>vintage</strong> is the
        last half-year it covers. For each part of a source (Google: its four files; the JSON; Meta’s files) and each half-year,
        the newest vintage imported is the one used; an older vintage imported later fills only half-years no newer one covers.
        Importing the same files twice changes nothing.
      </p>
    </section>
  );
}

function Limitations() {
  return (
    <section id="limitations" aria-labelledby="limitations-h">
      <h2 id="limitations-h">Limitations</h2>
      <ul>
        <li>
          Google’s requester breakdown for the 2023 and 2024 vintages is shown as published, so it can add up to more than the
          requests; the 2025 vintage corrects it.
        </li>
        <li>Estimated item outcomes can be off by up to half a percent of a row’s items per outcome.</li>
        <li>Meta’s content-restriction files are not imported (they are recognised and skipped).</li>
        <li>Surges compare a country only with itself; they say that something changed, not why.</li>
      </ul>
    </section>
  );
}

export function MethodologyMore() {
  return (
    <>
      <Outcomes />
      <Comparisons />
      <Surges />
      <Vintages />
      <Limitations />
    </>
  );
}
