-- AlterEnum
ALTER TYPE "profile_job_status" ADD VALUE 'cancelled';
