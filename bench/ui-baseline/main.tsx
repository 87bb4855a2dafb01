// The baseline of bench:ui: the smallest Vite + React page, built and measured in the same run as Tongban.
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<button type="button">登录</button>);
