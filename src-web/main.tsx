import './console/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConsoleApp } from './console/ConsoleApp';
import './console/console.css';

// The staff console (审核工作台), served by the platform server under /console/.
const container = document.getElementById('root');
if (container) createRoot(container).render(<StrictMode><ConsoleApp /></StrictMode>);
