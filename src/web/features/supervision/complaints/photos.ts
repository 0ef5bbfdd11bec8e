/** The server takes JPEG or PNG of at most 200 KB: a phone photo is scaled down and re-encoded before it is sent. */
const MAX_BYTES = 200 * 1024;
const MAX_SIDE = 1280;

function loadImage(file: File): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file);
    const image = new Image();
    image.onload = () => {
      URL.revokeObjectURL(url);
      resolve(image);
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('not an image'));
    };
    image.src = url;
  });
}

/** The photo as base64 JPEG under the server's limit, or null when the file is not an image the browser can read. */
export async function shrinkPhoto(file: File): Promise<string | null> {
  const image = await loadImage(file).catch(() => null);
  if (!image) return null;
  let side = MAX_SIDE;
  for (let attempt = 0; attempt < 6; attempt += 1) {
    const scale = Math.min(1, side / Math.max(image.naturalWidth, image.naturalHeight));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
    canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
    const base64 = canvas.toDataURL('image/jpeg', 0.8).split(',')[1] ?? '';
    if ((base64.length * 3) / 4 <= MAX_BYTES) return base64;
    side = Math.round(side * 0.75);
  }
  return null;
}
