import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Embedder } from '../ports/chat-model.ts'
import { DenseMatrix } from './dense-matrix.ts'

/** File layout: magic, rows and dimensions (uint32 LE), float32 scales, int8 values. */
const MAGIC = Buffer.from('M1EMB001', 'latin1')
const HEADER_BYTES = MAGIC.length + 8
/** Inputs per embeddings request: large enough to be few requests, small enough for any provider. */
const DEFAULT_BATCH = 128

export interface DenseMatrixSource {
  embedder: Embedder
  /** One text per tool, in registry order. */
  texts: readonly string[]
  /** Directory of the cache file (DATA_DIR); no caching when undefined. */
  dataDir?: string
  batchSize?: number
}

export interface LoadedDenseMatrix {
  matrix: DenseMatrix
  fromCache: boolean
  /** Cache file path, when a data directory was given. */
  file?: string
}

/** Content hash of what the vectors depend on: the model and every tool text, in order. */
export function denseContentHash(model: string, texts: readonly string[]): string {
  const hash = createHash('sha256').update(model).update('\u0000')
  for (const text of texts) hash.update(text).update('\u0000')
  return hash.digest('hex').slice(0, 32)
}

function serialise(matrix: DenseMatrix): Buffer {
  const header = Buffer.alloc(HEADER_BYTES)
  MAGIC.copy(header, 0)
  header.writeUInt32LE(matrix.rows, MAGIC.length)
  header.writeUInt32LE(matrix.dimensions, MAGIC.length + 4)
  return Buffer.concat([
    header,
    Buffer.from(matrix.scales.buffer, matrix.scales.byteOffset, matrix.scales.byteLength),
    Buffer.from(matrix.values.buffer, matrix.values.byteOffset, matrix.values.byteLength),
  ])
}

function deserialise(bytes: Buffer, expectedRows: number): DenseMatrix | undefined {
  if (bytes.length < HEADER_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined
  const rows = bytes.readUInt32LE(MAGIC.length)
  const dimensions = bytes.readUInt32LE(MAGIC.length + 4)
  const scaleBytes = rows * Float32Array.BYTES_PER_ELEMENT
  if (rows !== expectedRows || bytes.length !== HEADER_BYTES + scaleBytes + rows * dimensions)
    return undefined
  // Copied into fresh typed arrays: a Buffer's offset need not be 4-byte aligned for Float32Array.
  const scales = new Float32Array(rows)
  new Uint8Array(scales.buffer).set(bytes.subarray(HEADER_BYTES, HEADER_BYTES + scaleBytes))
  const values = new Int8Array(rows * dimensions)
  new Uint8Array(values.buffer).set(bytes.subarray(HEADER_BYTES + scaleBytes))
  return new DenseMatrix(rows, dimensions, values, scales)
}

/**
 * The tool matrix, embedded once: read from `DATA_DIR/embeddings-<hash>.bin` when the model and
 * the tool texts are unchanged, otherwise embedded in batches, quantised and written atomically
 * (temp file + rename, so a crash never leaves a half file that looks valid).
 */
export async function loadDenseMatrix(source: DenseMatrixSource): Promise<LoadedDenseMatrix> {
  const { embedder, texts } = source
  const file = source.dataDir
    ? join(source.dataDir, `embeddings-${denseContentHash(embedder.model, texts)}.bin`)
    : undefined
  if (file) {
    const cached = await readFile(file).then(
      (bytes) => deserialise(bytes, texts.length),
      () => undefined,
    )
    if (cached) return { matrix: cached, fromCache: true, file }
  }
  const batch = Math.max(1, source.batchSize ?? DEFAULT_BATCH)
  const vectors: Float32Array[] = []
  for (let start = 0; start < texts.length; start += batch) {
    const slice = texts.slice(start, start + batch)
    const embedded = await embedder.embed([...slice])
    if (embedded.length !== slice.length)
      throw new Error(`embeddings: ${embedded.length} vectors for ${slice.length} texts`)
    vectors.push(...embedded)
  }
  const matrix = DenseMatrix.fromVectors(vectors)
  if (file && source.dataDir) {
    await mkdir(source.dataDir, { recursive: true })
    const temporary = `${file}.${process.pid}.tmp`
    await writeFile(temporary, serialise(matrix))
    await rename(temporary, file)
  }
  return { matrix, fromCache: false, file }
}
