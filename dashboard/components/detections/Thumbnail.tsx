import { imageUrl } from './imageUrl';
import styles from './detections.module.css';

/** Twice the displayed width, for high-density screens. */
const THUMBNAIL_WIDTH = 144;

/** A stored photo at thumbnail size (made by the API; loaded only when scrolled into view). */
export function Thumbnail({ sha256, alt }: { sha256: string; alt: string }) {
  return (
    <img
      className={styles.thumbnail}
      src={imageUrl(sha256, THUMBNAIL_WIDTH)}
      alt={alt}
      loading="lazy"
      width={72}
      height={54}
    />
  );
}
