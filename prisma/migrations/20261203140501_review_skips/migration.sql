-- CreateTable
CREATE TABLE "review_skips" (
    "review_item_id" UUID NOT NULL,
    "key_id" UUID NOT NULL,
    "skipped_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "review_skips_pkey" PRIMARY KEY ("review_item_id","key_id")
);

-- CreateIndex
CREATE INDEX "review_skips_key_id_skipped_at_idx" ON "review_skips"("key_id", "skipped_at");

-- AddForeignKey
ALTER TABLE "review_skips" ADD CONSTRAINT "review_skips_review_item_id_fkey" FOREIGN KEY ("review_item_id") REFERENCES "review_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_skips" ADD CONSTRAINT "review_skips_key_id_fkey" FOREIGN KEY ("key_id") REFERENCES "api_keys"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
