import { Link } from 'react-router';
import type { NavItem } from './AppLayout';

type Props = {
  items: NavItem[];
  selectedKey?: string;
  layout: 'row' | 'column';
  onNavigate?: () => void;
};

/**
 * The role's areas as plain links. antd's Menu would add its overflow measuring and icons (about
 * 17 KB compressed) to every page a phone opens, for a list of links.
 */
export function NavLinks({ items, selectedKey, layout, onNavigate }: Props) {
  return (
    <ul className={`nav-links nav-links-${layout}`}>
      {items.map((item) => (
        <li key={item.key}>
          <Link to={item.href} onClick={onNavigate} aria-current={item.key === selectedKey ? 'page' : undefined}>
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
