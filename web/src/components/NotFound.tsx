/** What the app shows at an address that is none of its pages (the server answers such paths with 404). */
import { Link, useLocation } from 'react-router-dom';
import { pages } from '../../../src/contracts/pages.js';
import { useDocumentTitle } from './Layout.js';

export function NotFoundPage() {
  const { pathname } = useLocation();
  useDocumentTitle('Page not found');
  return (
    <section className="page">
      <h1>Page not found</h1>
      <p>
        There is nothing at <code>{pathname}</code>. It may have been mistyped, or the link that led here is out of date.
      </p>
      <ul>
        <li>
          <Link to={pages.home}>Home</Link>: the transparency reports
        </li>
        <li>
          <Link to={pages.compare}>Compare</Link> with published data
        </li>
        <li>
          <Link to={pages.review}>The reviewer queue</Link> (sign-in)
        </li>
      </ul>
    </section>
  );
}
