# One image for the API and the dashboard (they share one package.json). The model repository is built from
# the npm package at first start into the models volume, so the image carries no weights of its own.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json .npmrc ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci
COPY . .
RUN npx next build dashboard && npx tsc -p tsconfig.build.json
ENV WANSHI_HOST=0.0.0.0 WANSHI_DATA_DIR=/data WANSHI_MODELS_DIR=/models
EXPOSE 4000 3000
CMD ["npm", "start"]
