// The option setters that the Charts service's builders and Sheets' embedded chart builders have
// in common. Each builder says how a setter applies to its chart (`set`); both end in the same
// options (see applySetter in ./options).

export abstract class ChartOptionSetters<Builder> {
  protected abstract set(method: string, ...args: unknown[]): Builder;

  setOption(option: string, value: unknown): Builder {
    return this.set('setOption', option, value);
  }
  setTitle(title: string): Builder {
    return this.set('setTitle', title);
  }
  setXAxisTitle(title: string): Builder {
    return this.set('setXAxisTitle', title);
  }
  setYAxisTitle(title: string): Builder {
    return this.set('setYAxisTitle', title);
  }
  setColors(cssValues: string[]): Builder {
    return this.set('setColors', cssValues);
  }
  setBackgroundColor(cssValue: string): Builder {
    return this.set('setBackgroundColor', cssValue);
  }
  setStacked(): Builder {
    return this.set('setStacked');
  }
  setLegendPosition(position: GoogleAppsScript.Charts.Position): Builder {
    return this.set('setLegendPosition', position);
  }
  setRange(start: number, end: number): Builder {
    return this.set('setRange', start, end);
  }
  reverseCategories(): Builder {
    return this.set('reverseCategories');
  }
  useLogScale(): Builder {
    return this.set('useLogScale');
  }
  set3D(): Builder {
    return this.set('set3D');
  }
  setCurveStyle(style: GoogleAppsScript.Charts.CurveStyle): Builder {
    return this.set('setCurveStyle', style);
  }
  setPointStyle(style: GoogleAppsScript.Charts.PointStyle): Builder {
    return this.set('setPointStyle', style);
  }
}
