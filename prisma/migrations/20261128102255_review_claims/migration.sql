-- AlterTable
ALTER TABLE "review_items" ADD COLUMN     "claimed_by_key_id" UUID,
ADD COLUMN     "claimed_until" TIMESTAMPTZ(3);

-- AddForeignKey
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_claimed_by_key_id_fkey" FOREIGN KEY ("claimed_by_key_id") REFERENCES "api_keys"("id") ON DELETE SET NULL ON UPDATE CASCADE;
