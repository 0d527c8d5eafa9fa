/** A point estimate with its confidence interval and the name of the method that produced it. */
export interface Estimate {
  value: number;
  lower: number;
  upper: number;
  method: string;
}
