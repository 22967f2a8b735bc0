import { generateOpenApiDocument } from "@omnify/api";
import type { NextRequest } from "next/server";

/** OpenAPI 3.1 for /api/v1, generated from the procedures' zod schemas on each request. */
export function GET(req: NextRequest) {
  const baseUrl = `${req.nextUrl.origin}/api/v1`;
  return Response.json(generateOpenApiDocument({ baseUrl }), {
    headers: { "cache-control": "public, max-age=300" },
  });
}
