"use client";

import { lazy } from "react";

/**
 * The charts' drawings (./drawings.tsx, recharts), as lazy components: their code loads when the first chart comes near
 * the viewport (ChartFrame renders a drawing only then), not with the results, so recharts is neither fetched nor
 * evaluated while the page loads (issue 24 item 7: evaluating it was a 240–460 ms task at 4× CPU throttling).
 */
const load = () => import("./drawings");

export const BillComparisonDrawing = lazy(() => load().then((m) => ({ default: m.BillComparisonDrawing })));
export const BreakdownDrawing = lazy(() => load().then((m) => ({ default: m.BreakdownDrawing })));
export const DutyCycleDrawing = lazy(() => load().then((m) => ({ default: m.DutyCycleDrawing })));
export const SavingsPlanDrawing = lazy(() => load().then((m) => ({ default: m.SavingsPlanDrawing })));
export const SpotDrawing = lazy(() => load().then((m) => ({ default: m.SpotDrawing })));
export const WholeBillDrawing = lazy(() => load().then((m) => ({ default: m.WholeBillDrawing })));
