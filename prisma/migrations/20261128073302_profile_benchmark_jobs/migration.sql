-- CreateEnum
CREATE TYPE "profile_job_status" AS ENUM ('queued', 'running', 'succeeded', 'failed');

-- CreateTable
CREATE TABLE "profile_jobs" (
    "id" UUID NOT NULL,
    "model_version_id" UUID NOT NULL,
    "status" "profile_job_status" NOT NULL DEFAULT 'queued',
    "in_progress" BOOLEAN,
    "parameters" JSONB NOT NULL,
    "phase" VARCHAR(16),
    "message" TEXT,
    "progress_log" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "requested_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "profile_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "profile_measurements" (
    "id" UUID NOT NULL,
    "job_id" UUID NOT NULL,
    "model_version_id" UUID NOT NULL,
    "profile" VARCHAR(16) NOT NULL,
    "input_size" INTEGER NOT NULL,
    "artifact" TEXT NOT NULL,
    "batch_size" INTEGER NOT NULL,
    "images_per_second" DOUBLE PRECISION NOT NULL,
    "latency_p50_ms" DOUBLE PRECISION NOT NULL,
    "latency_p95_ms" DOUBLE PRECISION NOT NULL,
    "throughput_by_batch" JSONB NOT NULL,
    "memory_mb" DOUBLE PRECISION NOT NULL,
    "file_bytes" BIGINT NOT NULL,
    "map" DOUBLE PRECISION NOT NULL,
    "map50" DOUBLE PRECISION NOT NULL,
    "delta_map" DOUBLE PRECISION NOT NULL,
    "agreement" DOUBLE PRECISION NOT NULL,
    "flags" TEXT[],
    "provider" VARCHAR(32) NOT NULL,
    "machine" JSONB NOT NULL,
    "measured_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "profile_measurements_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "profile_jobs_in_progress_key" ON "profile_jobs"("in_progress");

-- CreateIndex
CREATE INDEX "profile_jobs_created_at_id_idx" ON "profile_jobs"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "profile_measurements_model_version_id_profile_input_size_me_idx" ON "profile_measurements"("model_version_id", "profile", "input_size", "measured_at" DESC);

-- CreateIndex
CREATE INDEX "profile_measurements_job_id_idx" ON "profile_measurements"("job_id");

-- AddForeignKey
ALTER TABLE "profile_jobs" ADD CONSTRAINT "profile_jobs_model_version_id_fkey" FOREIGN KEY ("model_version_id") REFERENCES "model_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "profile_jobs" ADD CONSTRAINT "profile_jobs_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "api_keys"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "profile_measurements" ADD CONSTRAINT "profile_measurements_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "profile_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "profile_measurements" ADD CONSTRAINT "profile_measurements_model_version_id_fkey" FOREIGN KEY ("model_version_id") REFERENCES "model_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
