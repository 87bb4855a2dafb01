import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'antd/dist/antd.css';
import { App } from './app/App';
import { connectBrowserHost } from './platform/browser-bootstrap';

const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');

// In Electron the preload has set window.tongban already; in browser mode it comes from the host's RPC.
if (!window.tongban) {
  const api = await connectBrowserHost();
  if (api) window.tongban = api;
}

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
