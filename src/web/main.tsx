import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider, theme } from 'antd';
// The ES builds: antd/locale/* are CommonJS copies that would ship beside the ES ones antd itself uses.
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { type ReactNode, StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { ApiError } from './api/client';
import { FeedbackRoot } from './components/feedback';
import { meKey } from './features/platform/queries';
import { currentLanguage, languageReady } from './i18n';
import { AppRoutes } from './routes';
import './base.css';

/** A 401 anywhere means the session ended (expired, or signed out on another device). */
function onApiError(error: unknown) {
  if (error instanceof ApiError && error.status === 401 && error.code === 'UNAUTHENTICATED') {
    queryClient.setQueryData(meKey, null);
  }
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      // Client errors will not change on retry; network hiccups on a phone might.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

const appTheme = {
  token: {
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
};

/** What antd's App wrapper gave the page, without its message and dialog holders: the theme's text colour, size and font. */
function BaseText({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <div style={{ color: token.colorText, fontSize: token.fontSize, lineHeight: token.lineHeight, fontFamily: token.fontFamily }}>
      {children}
    </div>
  );
}

function Providers() {
  // Re-renders on language change, which swaps antd's own texts (pagination, empty states…).
  const { t, i18n } = useTranslation();
  useEffect(() => {
    document.title = t('app.name');
  }, [t, i18n.language]);
  return (
    // antd puts a space between two Chinese characters on buttons ("登 录"); our texts are
    // written as they should read, and tests and screen readers look for the real words.
    <ConfigProvider locale={currentLanguage() === 'en' ? enUS : zhCN} theme={appTheme} button={{ autoInsertSpace: false }}>
      <BaseText>
        <AppRoutes />
        <FeedbackRoot />
      </BaseText>
    </ConfigProvider>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

await languageReady;
createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      {/* Navigation renders in the same batch as cache updates: signing out moves to /login and
          forgets the user at once, instead of the old page briefly seeing "nobody signed in"
          and redirecting with a return address to itself. */}
      <BrowserRouter useTransitions={false}>
        <Providers />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
