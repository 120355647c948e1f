// The request body, read before GraphQL sees it, with the size limit applied to what the body
// becomes: a compressed body is inflated here (Node's zlib) and counted as it inflates, and a chunked
// body without Content-Length is counted as it streams. The limit cannot be passed by compressing
// a large body or by leaving its length out.
import type http from "node:http";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";

export class BodyRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const DECODERS: Record<string, () => Transform> = {
  gzip: () => zlib.createGunzip(),
  "x-gzip": () => zlib.createGunzip(),
  deflate: () => zlib.createInflate(),
  br: () => zlib.createBrotliDecompress(),
};

/** Counts bytes passing through and fails the stream once there are more than `max`. */
function counter(max: number, describe: (max: number) => BodyRefused): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > max) done(describe(max));
      else done(null, chunk);
    },
  });
}

const cutOff = () => new BodyRefused(400, "BAD_REQUEST", "The request body was cut off.");

const tooLarge = (what: string) => (max: number) =>
  new BodyRefused(
    413,
    "PAYLOAD_TOO_LARGE",
    `The request body ${what} more than ${max} bytes; at most ${max} are accepted.`,
  );

/**
 * Reads the whole body of a request, decoded, refusing it as soon as either the bytes on the wire or
 * the decoded bytes pass `maxBytes`. The encodings are those of Content-Encoding (one, or a list
 * applied in order); any other is refused with 415.
 */
export async function readBody(req: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > maxBytes) {
    throw new BodyRefused(
      413,
      "PAYLOAD_TOO_LARGE",
      `The request body is ${declared} bytes; at most ${maxBytes} are accepted.`,
    );
  }
  const encodings = (req.headers["content-encoding"] ?? "")
    .split(",")
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e && e !== "identity");
  // undone last-applied first; `encodings` stays in the header's order for the messages
  const decoders = [...encodings].reverse().map((encoding) => {
    const decoder = DECODERS[encoding];
    if (!decoder) {
      throw new BodyRefused(
        415,
        "UNSUPPORTED_MEDIA_TYPE",
        `Content-Encoding "${encoding}" is not supported; use gzip, deflate or br, or none.`,
      );
    }
    return decoder();
  });
  if (decoders.length === 0) return readPlain(req, maxBytes);
  const chunks: Buffer[] = [];
  const collect = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const stages: Transform[] = [counter(maxBytes, tooLarge("sent is"))];
  for (const decoder of decoders) stages.push(decoder, counter(maxBytes, tooLarge("inflates to")));
  // piped rather than part of the pipeline: a refusal must not destroy the request (and with it the
  // socket) before the 413 has been sent; the rest of the body is then read and dropped
  req.pipe(stages[0]!);
  // a client that goes away mid-body ends the read instead of leaving it waiting
  req.once("close", () => {
    if (!req.complete) stages[0]!.destroy(cutOff());
  });
  try {
    await pipeline(stages[0]!, ...(stages.slice(1) as [Transform]), collect);
  } catch (error) {
    req.unpipe(stages[0]!);
    req.resume();
    if (error instanceof BodyRefused) throw error;
    // anything else is a decoder's complaint (zlib and brotli name their errors differently)
    throw new BodyRefused(
      400,
      "BAD_REQUEST",
      `The request body could not be decoded as ${encodings.join(", ")}: it is corrupt or not compressed that way.`,
    );
  }
  return Buffer.concat(chunks);
}

/**
 * A body sent as it is (nearly every request): its chunks counted as they arrive, without the stream
 * stages a decoded body needs. Past the limit the rest is read and dropped, so the 413 can be sent.
 */
function readPlain(req: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let seen = 0;
    let settled = false;
    const fail = (error: BodyRefused) => {
      if (settled) return;
      settled = true;
      chunks.length = 0;
      reject(error);
    };
    req.on("data", (chunk: Buffer) => {
      if (settled) return;
      seen += chunk.length;
      if (seen > maxBytes) fail(tooLarge("sent is")(maxBytes));
      else chunks.push(chunk);
    });
    req.once("end", () => {
      if (settled) return;
      settled = true;
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, seen));
    });
    // a client that goes away mid-body ends the read instead of leaving it waiting
    req.once("close", () => {
      if (!req.complete) fail(cutOff());
    });
    req.once("error", () => fail(cutOff()));
  });
}
