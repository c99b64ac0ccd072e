-- AlterTable
ALTER TABLE "model_versions" ADD COLUMN     "manifest_sha256" CHAR(64);

-- CreateTable
CREATE TABLE "model_files" (
    "sha256" CHAR(64) NOT NULL,
    "bytes" BYTEA NOT NULL,
    "size" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_files_pkey" PRIMARY KEY ("sha256")
);

-- ONNX weights barely compress: kept out of line, without TOAST trying.
ALTER TABLE "model_files" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;
