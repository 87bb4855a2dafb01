import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'antd/dist/antd.css';
import { App } from './app/App';
import { prefetchCaptcha } from './features/login/captcha-prefetch';
import { connectBrowserHost } from './platform/browser-bootstrap';

const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');
const root = createRoot(container);
const render = () =>
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );

// In Electron the preload has set window.tongban already; in browser mode it comes from the host's RPC, usable at
// once (calls wait for the socket), so the login screen renders while the socket opens. If it never opens, the
// API goes and the app says there is none.
if (!window.tongban) {
  const api = connectBrowserHost(() => {
    delete window.tongban;
    render();
  });
  if (api) window.tongban = api;
}
// The login screen's captcha is a server round trip: ask for it now, alongside the session, not after.
prefetchCaptcha();
render();
