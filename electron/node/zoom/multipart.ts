/** A request body ready for any fetch: the bytes plus the content-type that names its boundary. */
export interface EncodedBody {
  // Backed by a plain ArrayBuffer, so DOM-typed fetch implementations accept it as a body.
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
}

/**
 * Encodes `password` as multipart/form-data, the way Zoom's reference request sends it.
 * The body is serialised up front (through the platform's own FormData encoder) so the same bytes
 * work with Node's fetch and Electron's net.fetch, which do not share FormData implementations.
 */
export async function encodePasswordMultipart(password: string): Promise<EncodedBody> {
  const form = new FormData();
  form.append('password', password);
  const response = new Response(form);
  const contentType = response.headers.get('content-type');
  if (contentType === null || !contentType.startsWith('multipart/form-data')) {
    throw new Error('The platform did not produce a multipart/form-data body.');
  }
  return { body: new Uint8Array(await response.arrayBuffer()), contentType };
}
