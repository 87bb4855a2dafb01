import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { phoneLang } from './messages';
import { PhoneApp } from './PhoneApp';
import { takeToken } from './token';
import './phone.css';

// The phone receipt page, served by the platform server at /m/receipt#<one-time token>. The token leaves the address
// bar before the first render and lives only in memory from here on.
const token = takeToken(window.location, window.history);
const lang = phoneLang(navigator.languages.length ? navigator.languages : [navigator.language]);
document.documentElement.lang = lang;
const container = document.getElementById('root');
if (container) createRoot(container).render(<StrictMode><PhoneApp token={token} lang={lang} /></StrictMode>);
