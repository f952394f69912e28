export function run(a: string[]): void { console.log("hi", a); }
