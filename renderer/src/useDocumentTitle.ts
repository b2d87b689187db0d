import { useEffect } from 'react';

/**
 * The page's title: the browser tab's in web mode, and in Electron the window's ("Logs — web-1",
 * "Shell — web-1"; main accepts only titles of that form, main/desktop/window-options.ts).
 */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    if (title === undefined) return;
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);
}
