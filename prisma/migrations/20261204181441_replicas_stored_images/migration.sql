-- CreateTable
CREATE TABLE "stored_images" (
    "sha256" CHAR(64) NOT NULL,
    "bytes" BYTEA NOT NULL,
    "size" INTEGER NOT NULL,
    "stored_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stored_images_pkey" PRIMARY KEY ("sha256")
);

-- CreateIndex
CREATE INDEX "stored_images_stored_at_idx" ON "stored_images"("stored_at");

-- Photos are already compressed (JPEG, PNG, WebP): kept out of line, without TOAST trying to compress them again.
ALTER TABLE "stored_images" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;
