-- CreateEnum
CREATE TYPE "label_name_source" AS ENUM ('curated', 'dictionary', 'admin', 'untranslated');

-- AlterTable
ALTER TABLE "detected_objects" ADD COLUMN     "label_key" VARCHAR(64);

-- AlterTable
ALTER TABLE "labels" ADD COLUMN     "categories" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "classes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "name_source" "label_name_source" NOT NULL DEFAULT 'curated';
