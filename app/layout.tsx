import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "Fargate Estimator",
  description: "What your containers cost on AWS Fargate, whether EC2 is cheaper, and what size they should be.",
};

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">{children}</body>
    </html>
  );
}
