'use client';
// A photo with its detected boxes drawn over it in SVG, each tagged with the Chinese label in the label's colour.
// The SVG uses image pixels as its coordinate system, so boxes line up at any display size; tag text is
// sized in screen pixels (from the measured scale) so it stays readable on small and large photos alike.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { DetectedObjectFragment } from '@/lib/graphql/generated/graphql';
import styles from './detections.module.css';
import { layoutTags } from './tagLayout';

const TAG_FONT_PX = 13;
const TAG_PADDING_PX = 4;
const STROKE_PX = 2;

interface DetectionOverlayProps {
  src: string;
  alt: string;
  /** Size of the original image, the coordinate system of the boxes. */
  width: number;
  height: number;
  objects: DetectedObjectFragment[];
  /** More layers over the photo, in the same frame (e.g. the review's drawing layer). */
  children?: ReactNode;
}

export function DetectionOverlay({ src, alt, width, height, objects, children }: DetectionOverlayProps) {
  const frame = useRef<HTMLDivElement>(null);
  const scale = useDisplayScale(frame, width);

  return (
    // Tall photos are limited to most of the screen height; the frame keeps the photo's aspect ratio.
    <div ref={frame} className={styles.frame} style={{ maxWidth: `calc(72vh * ${width / height})` }}>
      <img className={styles.photo} src={src} alt={alt} width={width} height={height} />
      <svg
        className={styles.overlay}
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        aria-hidden="true"
      >
        {objects.map((object, index) => (
          <rect
            key={`box-${index}`}
            x={object.box.x}
            y={object.box.y}
            width={object.box.width}
            height={object.box.height}
            fill="none"
            stroke={object.label.color}
            strokeWidth={STROKE_PX}
            vectorEffect="non-scaling-stroke"
          />
        ))}
        {scale && <BoxTags objects={objects} scale={scale} imageWidth={width} imageHeight={height} />}
      </svg>
      {children}
    </div>
  );
}

/** Each box's tag: label and score, placed so that tags do not cover each other (tagLayout.ts). */
function BoxTags({
  objects,
  scale,
  imageWidth,
  imageHeight,
}: {
  objects: DetectedObjectFragment[];
  scale: number;
  imageWidth: number;
  imageHeight: number;
}) {
  const fontSize = TAG_FONT_PX / scale;
  const padding = TAG_PADDING_PX / scale;
  const texts = objects.map((object) => `${object.label.zh} ${Math.round(object.score * 100)}%`);
  const spots = layoutTags(
    objects.map((object, i) => ({
      box: object.box,
      score: object.score,
      width: estimateTextWidth(texts[i], fontSize) + 2 * padding,
      height: fontSize + 2 * padding,
    })),
    imageWidth,
    imageHeight,
  );
  return objects.map((object, i) => (
    <g key={`tag-${i}`} data-testid="box-tag">
      <rect {...spots[i]} fill={object.label.color} rx={2 / scale} />
      <text
        x={spots[i].x + padding}
        y={spots[i].y + padding + fontSize * 0.88}
        fontSize={fontSize}
        fill={readableTextColour(object.label.color)}
      >
        {texts[i]}
      </text>
    </g>
  ));
}

/** Screen pixels per image pixel, kept current as the layout changes; null until first measured. */
function useDisplayScale(frame: React.RefObject<HTMLDivElement | null>, imageWidth: number): number | null {
  const [scale, setScale] = useState<number | null>(null);
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const measure = () => setScale(element.clientWidth > 0 ? element.clientWidth / imageWidth : null);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [frame, imageWidth]);
  return scale;
}

/** Good enough without measuring: CJK characters are one em wide, Latin ones a little over half. */
function estimateTextWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += char.codePointAt(0)! >= 0x2e80 ? 1 : 0.6;
  return ems * fontSize;
}

/** Black or white, whichever reads better on the given #rrggbb background. */
function readableTextColour(background: string): string {
  const rgb = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background);
  if (!rgb) return '#fff';
  const [r, g, b] = rgb.slice(1).map((hex) => parseInt(hex, 16));
  return 0.299 * r + 0.587 * g + 0.114 * b > 160 ? '#111' : '#fff';
}
