'use client';
// The photo with the draft's boxes (the colleague's DetectionOverlay), plus a layer of our own: the selected
// object's outline, the missed boxes, and, in drawing mode, dragging out a new box in image pixels.
import { useRef, useState } from 'react';
import { DetectionOverlay } from '@/components/detections/DetectionOverlay';
import type { BoxFragment, DetectedObjectFragment } from '@/lib/graphql/generated/graphql';
import styles from './review.module.css';

const MIN_BOX_PX = 4;

interface ReviewCanvasProps {
  src: string;
  alt: string;
  width: number;
  height: number;
  objects: DetectedObjectFragment[];
  selected: BoxFragment | null;
  missed: { color: string; box: BoxFragment }[];
  drawing: boolean;
  onDrawn(box: BoxFragment): void;
}

export function ReviewCanvas({
  src,
  alt,
  width,
  height,
  objects,
  selected,
  missed,
  drawing,
  onDrawn,
}: ReviewCanvasProps) {
  const layer = useRef<SVGSVGElement>(null);
  const [start, setStart] = useState<{ x: number; y: number } | null>(null);
  const [current, setCurrent] = useState<{ x: number; y: number } | null>(null);

  /** The pointer in image pixels, kept inside the image. */
  function imagePoint(event: React.PointerEvent) {
    const rect = layer.current!.getBoundingClientRect();
    const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), max);
    return {
      x: clamp(((event.clientX - rect.left) / rect.width) * width, width),
      y: clamp(((event.clientY - rect.top) / rect.height) * height, height),
    };
  }
  const dragged = start && current ? boxBetween(start, current) : null;

  return (
    <DetectionOverlay src={src} alt={alt} width={width} height={height} objects={objects}>
      <svg
        ref={layer}
        className={`${styles.layer} ${drawing ? styles.drawing : ''}`}
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        data-testid="review-layer"
        onPointerDown={(event) => {
          if (!drawing) return;
          event.currentTarget.setPointerCapture(event.pointerId);
          setStart(imagePoint(event));
          setCurrent(imagePoint(event));
        }}
        onPointerMove={(event) => start && setCurrent(imagePoint(event))}
        onPointerUp={() => {
          // A click (or a sliver) is not a box: at least a few screen pixels each way.
          const screenPx = layer.current!.clientWidth / width;
          if (dragged && Math.min(dragged.width, dragged.height) * screenPx >= MIN_BOX_PX) onDrawn(dragged);
          setStart(null);
          setCurrent(null);
        }}
      >
        {selected && <Outline box={selected} className={styles.selected} />}
        {missed.map(({ color, box }, index) => (
          <Outline key={index} box={box} className={styles.missedBox} stroke={color} />
        ))}
        {dragged && <Outline box={dragged} className={styles.missedBox} stroke="#fff" />}
      </svg>
    </DetectionOverlay>
  );
}

function Outline({ box, className, stroke }: { box: BoxFragment; className: string; stroke?: string }) {
  return (
    <rect
      x={box.x}
      y={box.y}
      width={box.width}
      height={box.height}
      className={className}
      stroke={stroke}
      fill="none"
      vectorEffect="non-scaling-stroke"
    />
  );
}

function boxBetween(a: { x: number; y: number }, b: { x: number; y: number }): BoxFragment {
  return {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    width: Math.abs(a.x - b.x),
    height: Math.abs(a.y - b.y),
  };
}
