import type { ModalFuncProps } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import type { HookAPI as ModalApi } from 'antd/es/modal/useModal';
import { type ComponentType, type ReactNode, useEffect, useSyncExternalStore } from 'react';

type Holders = { message: MessageInstance; modal: ModalApi };
type HoldersComponent = ComponentType<{ onReady: (holders: Holders) => void }>;
type Notice = { id: number; kind: 'success' | 'error'; content: ReactNode };

let ready: (holders: Holders) => void = () => undefined;
const holders = new Promise<Holders>((resolve) => {
  ready = resolve;
});

/** What FeedbackRoot renders: antd's holders once their code is in, and any notice shown without them. */
let state: { component: HoldersComponent | null; notices: Notice[] } = { component: null, notices: [] };
const listeners = new Set<() => void>();
const setState = (next: Partial<typeof state>) => {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

let loading: Promise<void> | null = null;

/**
 * Loads antd's holders. A failed load (the phone went offline, or a release removed the chunk this
 * page was built with) is forgotten, so the next message tries again.
 */
function load(): Promise<void> {
  loading ??= import('./FeedbackHolders').then(
    (module) => setState({ component: module.default }),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Resolves with antd's holders, or rejects when their code cannot be loaded. */
const want = (): Promise<Holders> => load().then(() => holders);

const NOTICE_MS = 5000;
let lastNotice = 0;

/** A message without antd's code: a plain banner, so the outcome of an action is still seen. */
function showNotice(kind: Notice['kind'], content: ReactNode) {
  const id = ++lastNotice;
  setState({ notices: [...state.notices, { id, kind, content }] });
  setTimeout(() => setState({ notices: state.notices.filter((n) => n.id !== id) }), NOTICE_MS);
}

/** A confirmation without antd's code: the browser's own dialog, which needs none. */
function confirmNatively(props: ModalFuncProps) {
  const text = [props.title, props.content].filter((part) => typeof part === 'string').join('\n');
  if (window.confirm(text)) void props.onOk?.();
  else props.onCancel?.();
}

const noticesStyle = {
  position: 'fixed',
  top: 16,
  left: 16,
  right: 16,
  zIndex: 2000,
  display: 'flex',
  flexDirection: 'column',
  alignItems: 'center',
  gap: 8,
  pointerEvents: 'none',
} as const;
const noticeStyle = { padding: '9px 12px', borderRadius: 8, background: '#fff', boxShadow: '0 6px 16px rgba(0, 0, 0, 0.12)' };

/**
 * The first touch or key press loads the code, before the action it starts needs a message: still
 * online most likely, and off the first load. Loading it once the page is idle would add it to the
 * initial JavaScript of every family page (23 KB brotli, against a 250 KB budget).
 */
const PRELOAD_ON = ['pointerdown', 'keydown'] as const;
function preloadOnFirstInput() {
  const preload = () => {
    stop();
    load().catch(() => undefined);
  };
  const stop = () => {
    for (const event of PRELOAD_ON) window.removeEventListener(event, preload, true);
  };
  for (const event of PRELOAD_ON) window.addEventListener(event, preload, { capture: true, passive: true });
  return stop;
}

/**
 * Where antd's messages and confirmations render, inside the theme and locale. Their code (about
 * 25 KB compressed with the dialog's) stays off the first load: antd's App wrapper, which held
 * them before, put it there on every page. Without it, a message shows as a plain banner.
 */
export function FeedbackRoot() {
  const { component: Loaded, notices } = useSyncExternalStore(subscribe, () => state);
  useEffect(preloadOnFirstInput, []);
  return (
    <>
      {Loaded && <Loaded onReady={ready} />}
      {notices.length > 0 && (
        <div style={noticesStyle}>
          {notices.map((n) => (
            <div key={n.id} role={n.kind === 'error' ? 'alert' : 'status'} data-testid="feedback-notice" style={noticeStyle}>
              {n.content}
            </div>
          ))}
        </div>
      )}
    </>
  );
}

/**
 * The messages and confirmations screens show, as antd's `App.useApp()` gave them. What antd
 * returns (a thenable message, a dialog handle) is not passed on: no screen uses it.
 */
const feedback = {
  message: {
    success: (content: ReactNode) => {
      want().then(
        (h) => void h.message.success(content),
        () => showNotice('success', content),
      );
    },
    error: (content: ReactNode) => {
      want().then(
        (h) => void h.message.error(content),
        () => showNotice('error', content),
      );
    },
  },
  modal: {
    confirm: (props: ModalFuncProps) => {
      want().then(
        (h) => void h.modal.confirm(props),
        () => confirmNatively(props),
      );
    },
  },
};

export const useFeedback = () => feedback;
