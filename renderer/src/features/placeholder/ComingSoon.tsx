/** Screens not built yet say so plainly instead of pretending. */
export function ComingSoon({ title }: { title: string }) {
  const id = `${title.toLowerCase().replace(/\s+/g, '-')}-heading`;
  return (
    <main className="screen" aria-labelledby={id}>
      <header className="screen-header">
        <h1 id={id}>{title}</h1>
      </header>
      <p className="empty">{title} — coming soon.</p>
    </main>
  );
}
