// The view in the URL, so a link reopens it: the readable parts (the entity opened, the filters,
// the layout) in the query string, the drawing itself (what was expanded, hidden, pinned, where
// each node stands) compressed in the hash, which never reaches the server.

const READABLE = ['id', 'from', 'to', 'sector', 'layout'];

async function deflate(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function inflate(encoded) {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

/** The URL of a view: `readable` goes in the query string, `drawing` (an object) in the hash. */
export async function viewUrl(readable, drawing) {
  const url = new URL(window.location.href);
  for (const key of READABLE) {
    const value = readable[key];
    if (value) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  }
  url.hash = drawing ? `view=${await deflate(JSON.stringify(drawing))}` : '';
  return url.toString();
}

/** What a URL asks to show; the drawing is null when the hash holds none (or one that does not read). */
export async function readView(href) {
  const url = new URL(href);
  const readable = Object.fromEntries(READABLE.map((key) => [key, url.searchParams.get(key) ?? '']));
  const hash = /^#view=([A-Za-z0-9_-]+)$/.exec(url.hash);
  let drawing = null;
  if (hash) {
    try {
      drawing = JSON.parse(await inflate(hash[1]));
    } catch {
      drawing = null;
    }
  }
  return { readable, drawing };
}
