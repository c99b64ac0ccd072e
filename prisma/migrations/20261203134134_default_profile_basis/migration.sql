-- AlterTable
ALTER TABLE "model_versions" ADD COLUMN     "default_profile_basis" JSONB;
