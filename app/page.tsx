export default function Home() {
  return (
    <main className="mx-auto max-w-3xl px-4 py-16">
      <h1 className="text-3xl font-bold tracking-tight">Fargate Estimator</h1>
      <p className="mt-4 text-lg text-slate-700 dark:text-slate-300">
        Work out what your containers will cost each month on AWS Fargate, using AWS&apos;s own billing rules and
        published prices.
      </p>
    </main>
  );
}
