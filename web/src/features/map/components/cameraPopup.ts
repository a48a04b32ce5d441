import type { CameraCategory, CameraStatus } from '@pantau/shared';
import type { TFunction } from 'i18next';
import { STATUS_HEX } from '../../../lib/status.ts';

export interface PopupCamera {
  id: string;
  name: string;
  category: CameraCategory;
  status: CameraStatus;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, style: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.style.cssText = style;
  if (text !== undefined) e.textContent = text; // textContent: camera names are user data, never HTML
  return e;
}

/**
 * The DOM of a camera popup: name, category, status, an empty slot where the map renders a live
 * preview (a React portal), and a "Lihat detail" link routed in-app.
 */
export function cameraPopupContent(c: PopupCamera, t: TFunction, open: (id: string) => void): { root: HTMLElement; preview: HTMLElement } {
  const root = el('div', 'min-width: 180px; display: flex; flex-direction: column; gap: 4px;');
  root.dataset.testid = 'camera-popup';
  root.append(el('div', 'font-weight: 600; font-size: 14px;', c.name));
  root.append(el('div', 'color: var(--mantine-color-dimmed);', t(`category.${c.category}`)));
  const status = el('div', 'display: flex; align-items: center; gap: 6px;');
  status.append(el('span', `width: 9px; height: 9px; border-radius: 50%; background: ${STATUS_HEX[c.status]}; border: 1px solid #fff6;`));
  status.append(el('span', '', t(`status.${c.status}`)));
  root.append(status);
  const preview = el('div', 'width: 256px; aspect-ratio: 16 / 9; margin-top: 4px; border-radius: 4px; overflow: hidden; background: #000;');
  preview.dataset.testid = 'camera-popup-live';
  root.append(preview);
  const link = el('a', 'color: var(--mantine-color-cyan-4); margin-top: 4px; font-weight: 500;', t('map.viewDetail'));
  link.href = `/cameras/${c.id}`;
  link.addEventListener('click', (e) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return; // let the browser open new tabs
    e.preventDefault();
    open(c.id);
  });
  root.append(link);
  return { root, preview };
}
