-- CreateEnum
CREATE TYPE "review_reason" AS ENUM ('low_score', 'borderline', 'watched_class', 'random', 'flagged');

-- CreateEnum
CREATE TYPE "review_verdict" AS ENUM ('correct', 'wrong_label', 'not_object');

-- CreateTable
CREATE TABLE "review_rules" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "enabled" BOOLEAN NOT NULL,
    "low_score_below" DOUBLE PRECISION,
    "borderline_margin" DOUBLE PRECISION,
    "watched_classes" TEXT[],
    "random_share" DOUBLE PRECISION NOT NULL,
    "hourly_cap" INTEGER NOT NULL,
    "daily_cap" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "review_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_items" (
    "id" UUID NOT NULL,
    "detection_id" UUID NOT NULL,
    "reasons" "review_reason"[],
    "priority" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "sampled_at" TIMESTAMPTZ(3),
    "flagged_at" TIMESTAMPTZ(3),
    "flag_reason" TEXT,
    "reviewer_key_id" UUID,
    "reviewed_at" TIMESTAMPTZ(3),

    CONSTRAINT "review_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "object_reviews" (
    "object_id" UUID NOT NULL,
    "review_item_id" UUID NOT NULL,
    "verdict" "review_verdict" NOT NULL,
    "corrected_key" VARCHAR(64),
    "corrected_label_zh" TEXT,

    CONSTRAINT "object_reviews_pkey" PRIMARY KEY ("object_id")
);

-- CreateTable
CREATE TABLE "missed_objects" (
    "id" UUID NOT NULL,
    "review_item_id" UUID NOT NULL,
    "class_key" VARCHAR(64) NOT NULL,
    "label_zh" TEXT NOT NULL,
    "x" DOUBLE PRECISION NOT NULL,
    "y" DOUBLE PRECISION NOT NULL,
    "w" DOUBLE PRECISION NOT NULL,
    "h" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "missed_objects_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "review_items_detection_id_key" ON "review_items"("detection_id");

-- CreateIndex
CREATE INDEX "review_items_reviewed_at_flagged_at_priority_idx" ON "review_items"("reviewed_at", "flagged_at", "priority" DESC);

-- CreateIndex
CREATE INDEX "review_items_sampled_at_idx" ON "review_items"("sampled_at");

-- CreateIndex
CREATE INDEX "object_reviews_review_item_id_idx" ON "object_reviews"("review_item_id");

-- CreateIndex
CREATE INDEX "missed_objects_review_item_id_idx" ON "missed_objects"("review_item_id");

-- AddForeignKey
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_detection_id_fkey" FOREIGN KEY ("detection_id") REFERENCES "detections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_reviewer_key_id_fkey" FOREIGN KEY ("reviewer_key_id") REFERENCES "api_keys"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "object_reviews" ADD CONSTRAINT "object_reviews_object_id_fkey" FOREIGN KEY ("object_id") REFERENCES "detected_objects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "object_reviews" ADD CONSTRAINT "object_reviews_review_item_id_fkey" FOREIGN KEY ("review_item_id") REFERENCES "review_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "missed_objects" ADD CONSTRAINT "missed_objects_review_item_id_fkey" FOREIGN KEY ("review_item_id") REFERENCES "review_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;
