// A client that behaves as the API asks: a request the busy service sheds (503 or 429 with
// Retry-After) is sent again after the seconds it names, as often as it is shed.
export async function fetchHonouringRetryAfter(url: string, init: RequestInit, onShed?: () => void): Promise<Response> {
  for (;;) {
    const res = await fetch(url, init);
    const retryAfter = res.headers.get('retry-after');
    if ((res.status !== 503 && res.status !== 429) || !retryAfter) return res;
    onShed?.();
    await res.body?.cancel();
    await new Promise((r) => setTimeout(r, Number(retryAfter) * 1000));
  }
}
