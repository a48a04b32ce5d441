import type { KioskScene, KioskTile } from '@pantau/shared';
import { CamerasTile } from './tiles/CamerasTile.tsx';
import { MapTile } from './tiles/MapTile.tsx';
import { StatsTile } from './tiles/StatsTile.tsx';
import { AnnouncementsTile, ClockWeatherTile, Ticker } from './tiles/TextTiles.tsx';
import { KioskErrorBoundary } from './ErrorBoundary.tsx';

function TileView(props: { tile: KioskTile; timeZone: string; skew: number }) {
  const t = props.tile;
  switch (t.kind) {
    case 'cameras':
      return <CamerasTile tile={t} />;
    case 'incident_map':
      return <MapTile />;
    case 'stats':
      return <StatsTile />;
    case 'announcements':
      return <AnnouncementsTile messages={t.messages} />;
    case 'clock_weather':
      return <ClockWeatherTile weatherText={t.weatherText} timeZone={props.timeZone} skew={props.skew} />;
    default:
      return null;
  }
}

/** A scene: its tiles in the layout's slots (CSS grid areas), the ticker along the bottom. */
export function SceneView(props: { scene: KioskScene; timeZone: string; skew: number }) {
  const { scene } = props;
  return (
    <main className="kiosk kiosk-scene" data-scene-id={scene.id} aria-label={scene.name}>
      <div className={`kiosk-layout kiosk-layout-${scene.layout}`}>
        {scene.tiles.map((tile, i) => (
          <section key={`${scene.id}-${i}`} className={`kiosk-tile kiosk-slot-${i}`} data-tile={tile.kind}>
            {/* one broken tile must not blank the others */}
            <KioskErrorBoundary>
              <TileView tile={tile} timeZone={props.timeZone} skew={props.skew} />
            </KioskErrorBoundary>
          </section>
        ))}
      </div>
      <Ticker lines={scene.ticker} />
    </main>
  );
}
