// Steps of the cabinet shared by the publication and monitoring tests.
import type { Download, Page } from 'playwright-core';

/** Opens a section from the left navigation and waits until its page has loaded. */
export async function openSection(page: Page, title: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Разделы кабинета' })
    .getByRole('link', { name: title, exact: true })
    .click();
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Загрузка' }).first().waitFor({ state: 'detached' });
}

/** Expands a publication card by its title (a click on the collapsed heading). */
export async function expandPublication(page: Page, title: string): Promise<void> {
  const head = page.getByRole('button', { name: title });
  await head.waitFor();
  if ((await head.getAttribute('aria-expanded')) !== 'true') await head.click();
  await page.getByRole('heading', { name: 'Общая информация', level: 3 }).first().waitFor();
}

/** The unread count on the bell (0 when the badge is not shown). */
export async function bellCount(page: Page): Promise<number> {
  const badge = page.getByTestId('bell-count');
  if ((await badge.count()) === 0) return 0;
  return Number(await badge.textContent());
}

/** Waits until the bell shows more than `than` unread (the bell polls every 30 s; a finished job refreshes it). */
export async function waitBellAbove(page: Page, than: number, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const n = await bellCount(page);
    if (n > than) return n;
    if (Date.now() > deadline) throw new Error(`колокольчик не показал больше ${than} уведомлений за ${timeoutMs} мс`);
    await page.waitForTimeout(250);
  }
}

/** Clicks a download link and returns the download once the browser has it. */
export async function download(page: Page, click: () => Promise<void>): Promise<Download> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return d;
}

/** A JSON request from inside the signed-in page, with the session's CSRF token, as the cabinet sends it. */
export async function apiFromPage(
  page: Page,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
      const res = await fetch(url, {
        method,
        headers: {
          accept: 'application/json',
          'x-csrf-token': me.csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = text;
      }
      return { status: res.status, json };
    },
    { method, url, body },
  );
}
