-- CreateEnum
CREATE TYPE "api_key_role" AS ENUM ('app', 'reviewer', 'admin');

-- CreateTable
CREATE TABLE "label_sets" (
    "id" UUID NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "label_sets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "label_set_versions" (
    "id" UUID NOT NULL,
    "label_set_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "label_set_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "labels" (
    "id" UUID NOT NULL,
    "label_set_version_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "zh" TEXT NOT NULL,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "pinyin" TEXT NOT NULL DEFAULT '',
    "category" TEXT NOT NULL DEFAULT '',
    "color" VARCHAR(7) NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "min_score" DOUBLE PRECISION,

    CONSTRAINT "labels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "models" (
    "name" VARCHAR(64) NOT NULL,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "models_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "model_versions" (
    "id" UUID NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "version" VARCHAR(32) NOT NULL,
    "family" VARCHAR(32) NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "artifacts" JSONB NOT NULL,
    "label_set_key" VARCHAR(64) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT false,
    "default_precision" VARCHAR(8) NOT NULL,
    "default_input_size" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "model_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "secret_hash" CHAR(64) NOT NULL,
    "role" "api_key_role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "detections" (
    "id" UUID NOT NULL,
    "image_sha256" CHAR(64) NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "model_version_id" UUID NOT NULL,
    "precision" VARCHAR(8) NOT NULL,
    "input_size" INTEGER NOT NULL,
    "label_set_version_id" UUID NOT NULL,
    "min_score" DOUBLE PRECISION NOT NULL,
    "max_objects" INTEGER NOT NULL,
    "queue_ms" DOUBLE PRECISION NOT NULL,
    "inference_ms" DOUBLE PRECISION NOT NULL,
    "total_ms" DOUBLE PRECISION NOT NULL,
    "batch_size" INTEGER NOT NULL,
    "execution_provider" VARCHAR(32) NOT NULL,
    "api_key_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "detections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "detected_objects" (
    "id" UUID NOT NULL,
    "detection_id" UUID NOT NULL,
    "class_key" VARCHAR(64) NOT NULL,
    "label_zh" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "x" DOUBLE PRECISION NOT NULL,
    "y" DOUBLE PRECISION NOT NULL,
    "w" DOUBLE PRECISION NOT NULL,
    "h" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "detected_objects_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" UUID NOT NULL,
    "actor_key_id" UUID,
    "action" VARCHAR(64) NOT NULL,
    "entity" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "label_sets_key_key" ON "label_sets"("key");

-- CreateIndex
CREATE UNIQUE INDEX "label_set_versions_label_set_id_version_key" ON "label_set_versions"("label_set_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "labels_label_set_version_id_key_key" ON "labels"("label_set_version_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "model_versions_name_version_key" ON "model_versions"("name", "version");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_secret_hash_key" ON "api_keys"("secret_hash");

-- CreateIndex
CREATE INDEX "detections_created_at_id_idx" ON "detections"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "detections_api_key_id_created_at_idx" ON "detections"("api_key_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "detections_model_version_id_idx" ON "detections"("model_version_id");

-- CreateIndex
CREATE INDEX "detections_image_sha256_idx" ON "detections"("image_sha256");

-- CreateIndex
CREATE INDEX "detected_objects_detection_id_idx" ON "detected_objects"("detection_id");

-- CreateIndex
CREATE INDEX "detected_objects_class_key_score_idx" ON "detected_objects"("class_key", "score");

-- CreateIndex
CREATE INDEX "audit_log_at_id_idx" ON "audit_log"("at" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "label_set_versions" ADD CONSTRAINT "label_set_versions_label_set_id_fkey" FOREIGN KEY ("label_set_id") REFERENCES "label_sets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "labels" ADD CONSTRAINT "labels_label_set_version_id_fkey" FOREIGN KEY ("label_set_version_id") REFERENCES "label_set_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_versions" ADD CONSTRAINT "model_versions_name_fkey" FOREIGN KEY ("name") REFERENCES "models"("name") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "detections" ADD CONSTRAINT "detections_model_version_id_fkey" FOREIGN KEY ("model_version_id") REFERENCES "model_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "detections" ADD CONSTRAINT "detections_label_set_version_id_fkey" FOREIGN KEY ("label_set_version_id") REFERENCES "label_set_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "detections" ADD CONSTRAINT "detections_api_key_id_fkey" FOREIGN KEY ("api_key_id") REFERENCES "api_keys"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "detected_objects" ADD CONSTRAINT "detected_objects_detection_id_fkey" FOREIGN KEY ("detection_id") REFERENCES "detections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_key_id_fkey" FOREIGN KEY ("actor_key_id") REFERENCES "api_keys"("id") ON DELETE SET NULL ON UPDATE CASCADE;
