/** The app's own static files (public/): their URLs under the app's base, and reading them. */

/** A URL under the app's base (works with Vite's `base`, relative or absolute). */
export function assetUrl(path: string): string {
  return new URL(`${import.meta.env.BASE_URL}${path}`, document.baseURI).href;
}

/** A JSON file of public/; a failure names the file and the HTTP status. */
export async function getJson<T>(path: string, hint = ''): Promise<T> {
  const res = await fetch(assetUrl(path));
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}${hint}`);
  return (await res.json()) as T;
}
