// How every screen shows a manifest's status, and how lists show its 14-digit number: a link to its page.
import { useT } from '../lib/i18n.tsx';
import { STATUS } from '../lib/labels.ts';
import { Link } from '../lib/nav.tsx';

export function StatusBadge({ status }: { status: string }) {
  const t = useT();
  return <span className="badge">{t(STATUS[status] ?? status)}</span>;
}

/** A list row's first two cells: the number, linking to `to`, and the status. */
export function NumberAndStatusCells({ number, status, to }: { number: string; status: string; to: string }) {
  return (
    <>
      <td>
        <Link to={to} className="number">
          {number}
        </Link>
      </td>
      <td>
        <StatusBadge status={status} />
      </td>
    </>
  );
}
