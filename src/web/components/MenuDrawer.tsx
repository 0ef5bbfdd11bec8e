import { Drawer, type DrawerProps } from 'antd';

/** The phone's menu sheet; loaded the first time the menu button is tapped (see AppLayout). */
export default function MenuDrawer(props: DrawerProps) {
  return <Drawer placement="right" size={280} {...props} />;
}
