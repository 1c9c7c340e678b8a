import { create } from "zustand";

/**
 * Which sides the results show beside Fargate: ECS Managed Instances and self-managed EC2 (default: both, so three
 * columns). A display setting of this page, not part of the scenario: share links and saved scenarios are unchanged.
 * The CSV export follows it; the CLI has --columns.
 */
export interface ColumnsState {
  managedInstances: boolean;
  ec2: boolean;
  set: (columns: Partial<Pick<ColumnsState, "managedInstances" | "ec2">>) => void;
}

export const useColumnsStore = create<ColumnsState>()((set) => ({
  managedInstances: true,
  ec2: true,
  set: (columns) => set(columns),
}));
