import { create } from 'qrcode';
import { useMemo } from 'react';

/**
 * A QR code drawn as SVG from the module matrix: no canvas, no data: URL, nothing the renderer's CSP has to allow.
 * The link rides along in `data-url` so the e2e test can open it as a phone would after scanning.
 */
export function QrCode(props: { text: string; size?: number; label: string; testId?: string }) {
  const path = useMemo(() => {
    const { modules } = create(props.text, { errorCorrectionLevel: 'M' });
    let d = '';
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) d += `M${col + 4} ${row + 4}h1v1h-1z`;
    }
    return { d, size: modules.size + 8 };
  }, [props.text]);
  const px = props.size ?? 220;
  return (
    <svg
      role="img"
      aria-label={props.label}
      data-testid={props.testId}
      data-url={props.text}
      width={px}
      height={px}
      viewBox={`0 0 ${path.size} ${path.size}`}
      shapeRendering="crispEdges"
      style={{ display: 'block', background: '#fff' }}
    >
      <rect width={path.size} height={path.size} fill="#fff" />
      <path d={path.d} fill="#000" />
    </svg>
  );
}
