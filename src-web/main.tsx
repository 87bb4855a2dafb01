import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { zhCN } from '@shared/i18n/messages';

// Placeholder entry for the pages the server serves (staff console, phone receipt capture): the subsidy and
// disbursement issues fill them in. It exists now so the build and the layering rule cover src-web.
function WebHome() {
  return <h1>{zhCN['app.name']}</h1>;
}

const container = document.getElementById('root');
if (container) createRoot(container).render(<StrictMode><WebHome /></StrictMode>);
