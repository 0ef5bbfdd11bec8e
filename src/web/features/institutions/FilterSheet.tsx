import { Drawer } from 'antd';
import type { ReactNode } from 'react';

/** The filters as a sheet from the bottom of a phone's screen; loaded when first opened. */
export default function FilterSheet({
  open,
  onClose,
  title,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}) {
  return (
    <Drawer placement="bottom" open={open} onClose={onClose} title={title} size="85%">
      {children}
    </Drawer>
  );
}
