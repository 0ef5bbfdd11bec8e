import type { ModalFuncProps } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import type { HookAPI as ModalApi } from 'antd/es/modal/useModal';
import { lazy, Suspense, useSyncExternalStore } from 'react';

type Holders = { message: MessageInstance; modal: ModalApi };

let ready: (holders: Holders) => void = () => undefined;
const holders = new Promise<Holders>((resolve) => {
  ready = resolve;
});
let wanted = false;
const listeners = new Set<() => void>();

function want(): Promise<Holders> {
  if (!wanted) {
    wanted = true;
    for (const listener of listeners) listener();
  }
  return holders;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

const FeedbackHolders = lazy(() => import('./FeedbackHolders'));

/**
 * Where antd's messages and confirmations render, inside the theme and locale. Their code (about
 * 25 KB compressed with the dialog's) loads when a screen first asks for one: most pages a family
 * opens never do, and antd's App wrapper, which held them before, put it on every first load.
 */
export function FeedbackRoot() {
  const on = useSyncExternalStore(subscribe, () => wanted);
  return on ? (
    <Suspense fallback={null}>
      <FeedbackHolders onReady={ready} />
    </Suspense>
  ) : null;
}

/**
 * The messages and confirmations screens show, as antd's `App.useApp()` gave them. What antd
 * returns (a thenable message, a dialog handle) is not passed on: no screen uses it.
 */
const feedback = {
  message: {
    success: (...args: Parameters<MessageInstance['success']>) => {
      void want().then((h) => {
        h.message.success(...args);
      });
    },
    error: (...args: Parameters<MessageInstance['error']>) => {
      void want().then((h) => {
        h.message.error(...args);
      });
    },
  },
  modal: {
    confirm: (props: ModalFuncProps) => {
      void want().then((h) => {
        h.modal.confirm(props);
      });
    },
  },
};

export const useFeedback = () => feedback;
