/** A nock path matcher for exactly this path and these query pairs (any order, repeats allowed). */
export const exactly =
  (fullPath: string, pairs: [string, string][]) =>
  (uri: string): boolean => {
    const [p, q = ''] = uri.split('?');
    const got = [...new URLSearchParams(q)].map(([k, v]) => `${k}=${v}`).sort();
    const want = pairs.map(([k, v]) => `${k}=${v}`).sort();
    return p === fullPath && JSON.stringify(got) === JSON.stringify(want);
  };
