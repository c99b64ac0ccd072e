import { imageUrl } from './imageUrl';
import styles from './detections.module.css';

/** A stored photo at thumbnail size (the browser scales the original; loaded only when scrolled into view). */
export function Thumbnail({ sha256, alt }: { sha256: string; alt: string }) {
  return (
    <img
      className={styles.thumbnail}
      src={imageUrl(sha256)}
      alt={alt}
      loading="lazy"
      width={72}
      height={54}
    />
  );
}
